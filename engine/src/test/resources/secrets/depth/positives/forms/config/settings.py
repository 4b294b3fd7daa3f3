DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.mysql',
        'USER': 'django',
        'PASSWORD': 'Dj9kq2Wz7x',
    }
}
SECRET_KEY = '7x#k2!q9wz@8m^l4v&r3t6n(b5c1y0h-j=p*s)d'
EMAIL_HOST_PASSWORD = 'Eh8kZ2wq7X'
