import os
password = os.environ["DB_PASSWORD"]
conn = psycopg2.connect(host=host, user=user, password=password)
resp = requests.get(API, auth=(user, get_password()))
server.login(sender, app_password)
SECRET_KEY = os.getenv("SECRET_KEY")
client = MongoClient(f"mongodb://{user}:{password}@{host}/prod")
jwt_secret = settings.JWT_SECRET
