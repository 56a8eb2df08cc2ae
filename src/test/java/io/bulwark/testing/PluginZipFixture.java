package io.bulwark.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small plugin template with the same constant declarations as the official plugin's main
 * file (CRLF line endings, as shipped), plus one other file that must be copied unchanged.
 */
public final class PluginZipFixture {
    public static final String MAIN_FILE = String.join("\r\n",
            "<?php",
            "/**",
            " * Plugin Name: Patchstack Security",
            " * Version: 2.3.2",
            " * Author: Test",
            " */",
            "class Patchstack {",
            "    const CLIENT_ID = 'PATCHSTACK_CLIENT_ID';",
            "    const PRIVATE_KEY = 'PATCHSTACK_PRIVATE_KEY';",
            "    const API_URL = 'https://api.patchstack.com';",
            "    const AUTH_URL = 'https://auth.patchstack.com';",
            "}",
            "");
    public static final String README = "=== Patchstack ===\nStable tag: 2.3.2\n";

    private PluginZipFixture() {
    }

    /** The template zip. */
    public static byte[] zip() {
        return zip(MAIN_FILE);
    }

    /** A zip whose main file has the given content. */
    public static byte[] zip(String mainFile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("patchstack/"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("patchstack/patchstack.php"));
            zip.write(mainFile.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("patchstack/readme.txt"));
            zip.write(README.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
