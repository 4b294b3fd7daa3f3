SIGNING_KEY = ("-----BEGIN PRIVATE KEY-----\n"
               "xiUP9eLwvo3E4GEH+C/Hezg5xPtc/34HdjowEsgN2fOH/lvWGFu/6hO07UBfq+rs\n"
               "6faE0slYM82jeDLGpE17lDUNRBfuZhRw7YBWWgB1SFxu9AZB7N85+x+AX1jgJUJc\n"
               "-----END PRIVATE KEY-----\n")
