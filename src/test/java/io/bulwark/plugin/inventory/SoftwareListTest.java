package io.bulwark.plugin.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.bulwark.errors.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoftwareListTest {
    private final SoftwareList parser = new SoftwareList(new ObjectMapper());

    @Test
    void parse_pluginThemeAndCore_followsDecision16() {
        List<SoftwareItem> items = parse("["
                + "{\"sw_type\":\"plugin\",\"sw_name\":\"Akismet\",\"sw_cur_ver\":\"5.0\","
                + "\"sw_new_ver\":\"5.3\",\"sw_key\":\"akismet\\/akismet.php\",\"sw_active\":1},"
                + "{\"sw_type\":\"plugin\",\"sw_name\":\"Hello\",\"sw_cur_ver\":1.7,"
                + "\"sw_new_ver\":\"\",\"sw_key\":\"hello.php\",\"sw_active\":\"0\"},"
                + "{\"sw_type\":\"theme\",\"sw_name\":\"TT3\",\"sw_cur_ver\":\"1.0\","
                + "\"sw_new_ver\":null,\"sw_key\":\"twentytwentythree\"},"
                + "{\"sw_type\":\"wordpress\",\"sw_name\":\"WordPress\",\"sw_cur_ver\":\"6.1\","
                + "\"sw_new_ver\":\"6.7\"},"
                + "{\"sw_type\":\"database\",\"sw_name\":\"Database\",\"sw_cur_ver\":\"10.11\"}]");

        assertThat(items).containsExactly(
                new SoftwareItem("plugin", "Akismet", "5.0", "5.3", "akismet/akismet.php",
                        "akismet", true),
                new SoftwareItem("plugin", "Hello", "1.7", null, "hello.php", "hello.php",
                        false),
                new SoftwareItem("theme", "TT3", "1.0", null, "twentytwentythree",
                        "twentytwentythree", true),
                new SoftwareItem("wordpress", "WordPress", "6.1", "6.7", null, null, true),
                new SoftwareItem("database", "Database", "10.11", null, null, null, true));
    }

    @Test
    void parse_unknownOrMissingType_skipsTheItem() {
        List<SoftwareItem> items = parse("[{\"sw_type\":\"mu-plugin\",\"sw_name\":\"X\"},"
                + "{\"sw_name\":\"no type\"},{\"sw_type\":5},"
                + "{\"sw_type\":\"php\",\"sw_name\":\"PHP\",\"sw_cur_ver\":\"8.2.36\"}]");

        assertThat(items).extracting(SoftwareItem::type).containsExactly("php");
    }

    @Test
    void parse_controlCharactersAndLongNames_areCleanedAndClipped() {
        List<SoftwareItem> items = parse("[{\"sw_type\":\"theme\",\"sw_name\":\"A\\u0000B\\n"
                + "x".repeat(600) + "\",\"sw_cur_ver\":\" 1.0 \",\"sw_key\":\"t\"}]");

        assertThat(items.get(0).name()).startsWith("ABx").hasSize(500);
        assertThat(items.get(0).version()).isEqualTo("1.0");
    }

    @Test
    void parse_jsonArrayInsteadOfText_isAccepted() throws Exception {
        JsonNode array = new ObjectMapper().readTree("[{\"sw_type\":\"php\",\"sw_name\":"
                + "\"PHP\",\"sw_cur_ver\":\"8.2\"}]");

        assertThat(parser.parse(Optional.of(array))).hasSize(1);
    }

    @Test
    void parse_emptyList_isAnEmptyInventory() {
        assertThat(parse("[]")).isEmpty();
    }

    @Test
    void parse_phpEncoderFailure_isA422() {
        assertThatThrownBy(() -> parse("0")).isInstanceOf(InvalidInputException.class)
                .hasMessage("The software field must be a JSON array of software records.");
    }

    private List<SoftwareItem> parse(String json) {
        return parser.parse(Optional.of(TextNode.valueOf(json)));
    }
}
