password: str = os.environ["DB_PASSWORD"]
token: Optional[str] = None
