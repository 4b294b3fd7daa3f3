resource "nifcloud_dns_record" "verify" {
  zone_id = nifcloud_dns_zone.example.id
  name    = "@"
  type    = "TXT"
  # expect
  record  = "nifty-dns-verify=abcdef0123456789"
}
