resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  encrypted          = true
  kms_key_id         = aws_kms_key.dw.arn
}
