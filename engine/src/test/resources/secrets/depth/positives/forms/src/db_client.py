import psycopg2
import smtplib
import requests
from requests.auth import HTTPBasicAuth

conn = psycopg2.connect(host="db.internal", user="billing", password="Vq7#rT2m!kz")
engine = create_engine("mysql+pymysql://report:Lm4qZ9x2Wp@10.0.3.7/reports")
resp = requests.get(API, auth=("svc-export", "Jx82kdLq9Zs"))
resp = requests.post(API, auth=HTTPBasicAuth('deploy', 'Hw3nq8Ls!p'))
server = smtplib.SMTP("smtp.gmail.com", 587)
server.login("alerts@acme-mail.com", "tkqp4Lw9Zn2x")
r = redis.Redis(host="cache", port=6379, password="Rd5wKq8vXz2")
client = MongoClient("mongodb+srv://etl:Q2w8ErTy7z@cluster0.x7kq2.mongodb.net/prod")
SECRET_KEY = "django-insecure-8f#kq2@x!w9vz^3m_lp0&t7r4n6b1yc5h"
jwt_secret = "Gk5sP9wQ2mZx7vLr4tNb"
API_KEY = "a8f5f167f44f4964e6c998dee827110c"
