package io.bulwark.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Byte-based progress of a feed file being read, on standard error, and only on a terminal
 * (the vulnerability spec, section 6): logs and scripts see just the import's summary.
 */
final class FeedProgress extends FilterInputStream {
    private static final long MIB = 1024 * 1024;

    private final ProgressBar bar;
    private long done;

    FeedProgress(InputStream input, long size, PrintStream err, boolean terminal) {
        super(input);
        this.bar = terminal ? new ProgressBarBuilder()
                .setTaskName("Reading feed")
                .setInitialMax(size)
                .setUnit(" MiB", MIB)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build() : null;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        advance(value < 0 ? 0 : 1);
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        advance(Math.max(count, 0));
        return count;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = super.skip(count);
        advance(skipped);
        return skipped;
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (bar != null) {
            bar.close();
        }
    }

    private void advance(long bytes) {
        done += bytes;
        if (bar != null) {
            bar.stepTo(done);
        }
    }
}
