-- accounts for the reporting replica
CREATE USER 'reporting'@'%' IDENTIFIED BY 'Rp7!vQ2zKx';
GRANT SELECT ON shop.* TO 'shop'@'10.0.%' IDENTIFIED BY 'Sh0pW1nter25';
ALTER USER 'app'@'%' IDENTIFIED WITH mysql_native_password BY 'n8Hq2LwX';
CREATE ROLE replicator WITH LOGIN REPLICATION PASSWORD 'c9Vx2mQ7pL';
CREATE LOGIN etl WITH PASSWORD = 'E7l#Load2024', CHECK_POLICY = OFF;
SET PASSWORD FOR 'root'@'localhost' = PASSWORD('M4r1aDb!x');
CREATE USER scott IDENTIFIED BY Tg4r9Lq2;
