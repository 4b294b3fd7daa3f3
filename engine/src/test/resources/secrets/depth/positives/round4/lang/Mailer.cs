var smtpPassword = @"Cv3kT8wLq5Mz";
