def created = new File(basedir, 'src/main/resources/db/migration/V002__add_email_to_customers.sql')
assert created.isFile()
assert created.text.startsWith('-- add email to customers\n')
assert new File(basedir, 'src/main/resources/db/migration').list().length == 2
assert new File(basedir, 'build.log').text.contains('strata:lint')
