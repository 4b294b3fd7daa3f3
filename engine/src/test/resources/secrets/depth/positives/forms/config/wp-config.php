<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'Wp8kq2Wz7x' );
define( 'AUTH_KEY',         'q#8Zk2!wX7v@Lm4^Rt9nB3&cY5yH6jP1sD0fG' );
define( 'SECURE_AUTH_KEY',  'Lm4^Rt9nB3&cY5y#8Zk2!wX7v@H6jP1sD0fGq' );
