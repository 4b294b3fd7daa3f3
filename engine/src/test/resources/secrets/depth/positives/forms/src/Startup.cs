namespace Acme {
  class Startup {
    var cs = "Server=tcp:acme.database.windows.net,1433;Initial Catalog=crm;User ID=crm;Password=Cs8!kq2Wzx;";
    var cred = new NetworkCredential("svc_ftp", "Nc7wq2Kz9x");
    client.Credentials = new NetworkCredential("relay", "Rl4kZ8wq2X", "ACME");
  }
}
