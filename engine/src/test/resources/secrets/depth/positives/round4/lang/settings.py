password: str = "Pt5hN2kWq8Lx"
client = Api(token=f"Pf7gQ2mWx9LtRk4Z")
