-- reporting replica account
CREATE USER 'reporting'@'%' IDENTIFIED BY 'Hx4#pQ7vLn2';
GRANT SELECT ON orders.* TO 'reporting'@'%';
