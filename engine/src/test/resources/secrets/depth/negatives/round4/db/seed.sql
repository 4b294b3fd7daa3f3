INSERT INTO users (login, password_hash) VALUES ('alice', '$2a$10$PUYyttsqheJMwrITq6vxgxt0.dMCUl70tPsf8ahmTGQduyl23zvEC');
