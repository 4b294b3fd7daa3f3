DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": "dj4ngoPg!22",
        "HOST": "db",
    }
}
SECRET_KEY = "k7#q!2zv@m9x$w5r^t8y&u3i*o0p(l4j)h6g"
