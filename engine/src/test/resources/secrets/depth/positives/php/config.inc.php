<?php
$_DVWA[ 'db_password' ] = 'Dv7!wa2Lq';
$cfg['db_pass'] = getenv('DB_PASS') ?: 'p4Ss!w0rd9';
