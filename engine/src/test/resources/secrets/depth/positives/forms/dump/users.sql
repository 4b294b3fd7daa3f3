-- MySQL dump
CREATE USER 'report'@'%' IDENTIFIED BY 'Rp8kq2Wz7x';
INSERT INTO mysql.user (User, Password) VALUES ('legacy', PASSWORD('Lp9kZ2wq7X'));
ALTER ROLE analytics WITH LOGIN PASSWORD 'An7kq2Wz8x';
