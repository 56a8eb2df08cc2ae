package io.bulwark.vulns;

import io.bulwark.config.FeedConfig;
import io.bulwark.errors.ConflictException;
import io.bulwark.errors.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's background feed work: the scheduled import from {@code BULWARK_FEED_URL} (when
 * configured) and, every minute, any re-evaluation left queued, for example by a node that
 * crashed. Every node runs the schedule; the feed lease lets one work at a time, and an import
 * is skipped when another node finished one within the last nine tenths of the interval.
 * A scheduled Wordfence download is the whole feed, so it is imported as complete and prunes;
 * a Patchstack download is neither, as its list endpoints may serve part of the database.
 */
public final class FeedSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSchedule.class);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration PENDING_CHECK = Duration.ofMinutes(1);

    private final Optional<FeedConfig> feed;
    private final FeedJobs jobs;
    private final HttpClient http;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    public FeedSchedule(Optional<FeedConfig> feed, FeedJobs jobs, HttpClient http, Clock clock) {
        this.feed = feed;
        this.jobs = jobs;
        this.http = http;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bulwark-feed");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the background work. */
    public void start() {
        executor.scheduleWithFixedDelay(this::reevaluatePending, PENDING_CHECK.toSeconds(),
                PENDING_CHECK.toSeconds(), TimeUnit.SECONDS);
        feed.ifPresent(config -> {
            LOG.info("Scheduled {} feed import from {} every {}", config.format(),
                    config.safeUrl(), config.interval());
            executor.scheduleWithFixedDelay(() -> importIfDue(config), 0,
                    config.interval().toSeconds(), TimeUnit.SECONDS);
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A scheduled feed job did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    /** Downloads and imports the feed unless another node imported it recently. */
    void importIfDue(FeedConfig config) {
        FeedFormat format = FeedFormat.of(config.format());
        Instant due = clock.instant().minus(config.interval().multipliedBy(9).dividedBy(10));
        Path file = null;
        try {
            // Inside the try: an exception escaping a scheduled task cancels all later runs.
            if (jobs.lastSuccess(format).filter(last -> last.isAfter(due)).isPresent()) {
                return;
            }
            file = Files.createTempFile("bulwark-feed-", ".json");
            if (download(config, file)) {
                importFile(format, file);
            }
        } catch (ConflictException e) {
            LOG.info("Scheduled feed import skipped: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("Scheduled feed import from {} failed", config.safeUrl(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private boolean download(FeedConfig config, Path file) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
                .timeout(DOWNLOAD_TIMEOUT)
                .GET();
        config.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<Path> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(file));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (response.statusCode() != 200) {
            LOG.warn("Feed download from {} answered HTTP {}; nothing imported, nothing deleted",
                    config.safeUrl(), response.statusCode());
            return false;
        }
        return true;
    }

    private void importFile(FeedFormat format, Path file) throws IOException {
        boolean whole = format == FeedFormat.WORDFENCE;
        try (InputStream input = Files.newInputStream(file)) {
            FeedJobs.Outcome outcome = jobs.importFeed(format, input,
                    new FeedImporter.Options(whole, whole));
            ImportSummary summary = outcome.summary();
            if (!summary.parsedToEnd()) {
                LOG.warn("Scheduled {} feed import stopped early: {}", format.label(),
                        summary.problem());
            }
            LOG.info("Scheduled {} feed import: {} records, {} new, {} changed, {} skipped, "
                            + "{} pruned; {} rows re-evaluated", format.label(), summary.read(),
                    summary.added(), summary.changed(), summary.skipped(), summary.pruned(),
                    outcome.reevaluated().rows());
        } catch (InvalidInputException e) {
            LOG.warn("Scheduled {} feed import refused: {}", format.label(), e.getMessage());
        }
    }

    private void reevaluatePending() {
        try {
            if (jobs.hasPendingWork()) {
                jobs.reevaluateIfFree().ifPresent(result -> LOG.info(
                        "Re-evaluated {} software rows in {} site batches", result.rows(),
                        result.sites()));
            }
        } catch (RuntimeException e) {
            LOG.error("Re-evaluation of software rows failed", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete the downloaded feed {}: {}", file, e.getMessage());
        }
    }
}
