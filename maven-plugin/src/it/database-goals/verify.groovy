def log = new File(basedir, 'build.log').text
assert log.contains('Applied V1 (create customers)')
assert log.contains('Applied V2 (add email)')
assert log =~ /\[INFO\] 2 +\| add email +\| SQL +\| APPLIED/
assert log.contains('is valid and up to date at version 2')

def properties = new Properties()
new File(basedir, 'test.properties').withInputStream { properties.load(it) }
def login = new Properties()
login.setProperty('user', properties.getProperty('strata.user'))
login.setProperty('password', properties.getProperty('strata.password'))
def connection = new org.postgresql.Driver().connect(properties.getProperty('strata.url'), login)
try {
    def rows = connection.createStatement().executeQuery('SELECT count(*) FROM app_schema_history')
    rows.next()
    assert rows.getLong(1) == 2 : 'the history is in strata.table of application.properties'
}
finally {
    connection.close()
}
