package org.redress.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;

/**
 * The sandbox's demo CRM: an in-memory H2 database with a {@code crm_customer} table, served over H2's TCP
 * protocol so that a gateway in another process (or container) reaches it like a real CRM database. Stopping it is
 * how the tests show that a CRM outage never holds a complaint back.
 */
public final class DemoCrm implements AutoCloseable {
    public static final String DATABASE = "redress-demo-crm";

    private final String host;
    private final int port;
    private Server server;
    private Connection keepAlive;

    public DemoCrm(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public DemoCrm start() {
        try {
            // the in-memory database lives as long as this connection
            keepAlive = DriverManager.getConnection("jdbc:h2:mem:" + DATABASE, "sa", "");
            try (Statement statement = keepAlive.createStatement();
                 InputStream script = DemoCrm.class.getResourceAsStream("/sandbox/demo-crm.sql")) {
                for (String sql : new String(script.readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            String[] options = "0.0.0.0".equals(host)
                    ? new String[] {"-tcpPort", String.valueOf(port), "-tcpAllowOthers"}
                    : new String[] {"-tcpPort", String.valueOf(port)};
            server = Server.createTcpServer(options).start();
            return this;
        } catch (SQLException | IOException e) {
            close();
            throw new IllegalStateException("The sandbox's demo CRM cannot start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** What the gateway's {@code redress.crm.url} should be to reach this CRM from the same machine. */
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + DATABASE;
    }

    public int port() {
        return server.getPort();
    }

    /** Stops answering (an outage); the data is kept until {@link #close()}. */
    public void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stopServer();
        try {
            if (keepAlive != null) {
                keepAlive.close();
            }
        } catch (SQLException e) {
            // closing the last connection drops the in-memory database; nothing else to do
        }
    }
}
