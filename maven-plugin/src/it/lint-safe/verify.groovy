def log = new File(basedir, 'build.log').text
assert log.contains('Strata lint of 3 migrations at classpath:db/migration: SAFE')
def sarif = new File(basedir, 'target/strata-lint.sarif')
assert sarif.isFile()
assert sarif.text.contains('"version": "2.1.0"') || sarif.text.contains('"version":"2.1.0"')
assert !log.contains('REFUSED')
