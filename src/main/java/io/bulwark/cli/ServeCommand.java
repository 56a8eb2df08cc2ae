package io.bulwark.cli;

import io.bulwark.App;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bulwark serve}: runs the HTTP server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the server (Hosting API, plugin API, portal).")
final class ServeCommand implements Runnable {
    @ParentCommand
    BulwarkCommand parent;

    @Option(names = "--port", description = "HTTP port (env BULWARK_PORT, default 8080).")
    String port;

    @Option(names = "--host",
            description = "Address to bind to (env BULWARK_HOST, default 0.0.0.0: all).")
    String host;

    @Option(names = "--public-url",
            description = "Base URL used in login links and plugin zips (env BULWARK_PUBLIC_URL).")
    String publicUrl;

    @Override
    public void run() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("BULWARK_PORT", port);
        overrides.put("BULWARK_HOST", host);
        overrides.put("BULWARK_PUBLIC_URL", publicUrl);
        App app = parent.app(overrides);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "bulwark-shutdown"));
        app.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
