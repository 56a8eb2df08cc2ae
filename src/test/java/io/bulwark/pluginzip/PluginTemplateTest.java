package io.bulwark.pluginzip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.testing.PluginZipFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class PluginTemplateTest {
    @Test
    void of_officialShape_readsTheVersion() {
        assertThat(PluginTemplate.of(PluginZipFixture.zip()).version()).isEqualTo("2.3.2");
    }

    @Test
    void of_missingPlaceholder_namesIt() {
        String main = PluginZipFixture.MAIN_FILE.replace("'PATCHSTACK_PRIVATE_KEY'", "'abc'");

        assertThatThrownBy(() -> PluginTemplate.of(PluginZipFixture.zip(main)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("patchstack/patchstack.php must contain 'PATCHSTACK_PRIVATE_KEY' "
                        + "exactly once as a quoted string, found 0");
    }

    @Test
    void of_urlTwice_isRefused() {
        String main = PluginZipFixture.MAIN_FILE + "$x = 'https://api.patchstack.com';\r\n";

        assertThatThrownBy(() -> PluginTemplate.of(PluginZipFixture.zip(main)))
                .hasMessage("patchstack/patchstack.php must contain 'https://api.patchstack.com' "
                        + "exactly once as a quoted string, found 2");
    }

    @Test
    void of_entryClimbingOutOfTheFolder_isRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                ZipInputStream fixture = new ZipInputStream(new ByteArrayInputStream(
                        PluginZipFixture.zip()))) {
            for (var entry = fixture.getNextEntry(); entry != null;
                    entry = fixture.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                fixture.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry("patchstack/../../evil.php"));
        }

        assertThatThrownBy(() -> PluginTemplate.of(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Every zip entry must lie inside the folder patchstack/; found "
                        + "'patchstack/../../evil.php'");
    }

    @Test
    void of_notAZip_isRefused() {
        assertThatThrownBy(() -> PluginTemplate.of("not a zip".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The file is not a readable zip archive (no zip entries found)");
    }

    @Test
    void rewrite_valueWithQuote_isPhpEscaped() {
        String main = "<?php\n/*\nPlugin Name: P\n*/\nconst A = 'PATCHSTACK_PRIVATE_KEY';\n";

        String rewritten = PluginTemplate.rewrite(main, 1, "it's\\x", "http://h");

        assertThat(rewritten).contains("const A = 'it\\'s\\\\x';")
                .contains("Update URI: http://h\nPlugin Name: P\n");
    }
}
