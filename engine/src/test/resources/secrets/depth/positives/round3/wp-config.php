<?php
/* Authentication unique keys and salts. */
define('AUTH_KEY',         'PtY,gj&mU[h#Bel31iEl(2h-pC~~[h_[YgCf)rL1s*p_N)/xn[_+yVm(i-h>A@/&');
define('SECURE_AUTH_KEY',  '2O7[6UMFx|Fk_M^@R5K}jp$1vRt!1f;j)_OR?S{@[6ilI8|;ih|N=_/5KX;Sc7Tv');
define('NONCE_SALT',       'Zq 8:r!Kd@0m|Vy>3uB(w,Lx]t7N#e{Hc-9s_Fg+Pj~Ao^Wi*Dl;Mb?Ek.Rn$Gv');
