<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'Wp!db7Qx2Lm' );
define('AUTH_KEY', 'p9%Lq2#vX7@mN4&zR8^tK1*wB6(yH3)j');
define( 'DB_HOST', 'localhost' );
