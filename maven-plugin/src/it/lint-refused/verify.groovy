def log = new File(basedir, 'build.log').text
assert log.contains('strata:lint failed (REFUSED): lint verdict REFUSED: 1 destructive statement not allowed')
assert log.contains('src/main/resources/db/migration/V2__drop_customers.sql:2:1 [drop-table] DESTRUCTIVE')
def report = new File(basedir, 'target/strata-lint.json')
assert report.isFile()
assert report.text.contains('drop-table')
