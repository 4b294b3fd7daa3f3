<?php
$token = "userid:2";
$password = getenv('DB_PASSWORD');
