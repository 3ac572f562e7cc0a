package org.plateautrace.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class that drives one whole server on its own fresh database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerTest {
    TestServer server;
    Api api;
    Fixtures fixtures;

    @BeforeAll
    void startServer() {
        server = TestServer.start();
        api = server.api;
        fixtures = new Fixtures(api);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }
}
