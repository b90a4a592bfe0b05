// A fresh database on the embedded PostgreSQL of strata-test-postgres (stopped when Maven exits);
// the build gets its URL, user and password as user properties from test.properties.
def database = dev.strata.test.PostgresServer.shared().createDatabase()
def properties = new Properties()
properties.setProperty('strata.url', database.jdbcUrl())
properties.setProperty('strata.user', database.username())
properties.setProperty('strata.password', database.password())
new File(basedir, 'test.properties').withOutputStream { properties.store(it, 'written by setup.groovy') }
