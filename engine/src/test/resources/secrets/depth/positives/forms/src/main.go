package main

func open() {
	db, _ := sql.Open("mysql", "root:Gq8zX2wL7m@tcp(127.0.0.1:3306)/inventory")
	dsn := "host=pg user=app password=Pz3kW9qLx7 dbname=app sslmode=disable"
	req.SetBasicAuth("admin", "Hq5wZ8kL2x")
	password := "Mv7kQ2zWx9"
}
