<?php
$conn = mysqli_connect("localhost", "shop", "Ph7qW2zK9x", "shop");
$pdo = new PDO('mysql:host=localhost;dbname=blog', 'blog', 'Bl9kZ2wq7X');
$db_pass = "Dp4wQ8zK2m";
$config['smtp_pass'] = 'Sm5xK2wq9Z';
