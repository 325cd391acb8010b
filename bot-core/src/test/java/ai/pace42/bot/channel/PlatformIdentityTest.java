package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformIdentityTest {

    @Test
    void parsesAndPrintsBothForms() {
        assertThat(PlatformIdentity.parse("telegram:123")).isEqualTo(PlatformIdentity.of(Platform.TELEGRAM, "123"));
        assertThat(PlatformIdentity.parse("Slack:T1:U2")).isEqualTo(new PlatformIdentity(Platform.SLACK, "T1", "U2"));
        assertThat(PlatformIdentity.parse("slack:T1:U2").toString()).isEqualTo("slack:T1:U2");
        assertThat(PlatformIdentity.parse("discord:9").toString()).isEqualTo("discord:9");
    }

    @Test
    void rejectsMalformedIdentities() {
        assertThatThrownBy(() -> PlatformIdentity.parse("telegram")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformIdentity.parse("icq:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformIdentity.parse("telegram: ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformIdentity.parse("a:b:c:d")).isInstanceOf(IllegalArgumentException.class);
    }
}
