package ai.pace42.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a per-address limit counts: the peer, unless the peer is one of our proxies. */
class TrustedProxiesTest {

    private static final TrustedProxies OURS = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");

    @Test
    void byDefaultNothingIsTrustedAndTheHeaderIsNeverRead() {
        TrustedProxies none = TrustedProxies.parse("");

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.clientOf("10.1.2.3", List.of("198.51.100.7"))).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.none().clientOf("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(OURS.clientOf("203.0.113.50", List.of("10.0.0.1"))).isEqualTo("203.0.113.50");
        assertThat(OURS.clientOf("203.0.113.50", List.of("1.2.3.4, 5.6.7.8"))).isEqualTo("203.0.113.50");
    }

    @Test
    void behindOurProxyTheRightMostAddressItDidNotVouchForIsTheClient() {
        assertThat(OURS.clientOf("10.0.0.2", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        // The client wrote "6.6.6.6" itself; our proxy appended the address it saw.
        assertThat(OURS.clientOf("10.0.0.2", List.of("6.6.6.6, 198.51.100.7"))).isEqualTo("198.51.100.7");
        // Two of our proxies in a row, the chain split over two headers.
        assertThat(OURS.clientOf("10.0.0.2", List.of("6.6.6.6, 198.51.100.7", "192.168.1.7, 10.9.9.9")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aClientCannotHideBehindAnAddressOfOurs() {
        // "10.0.0.5" on the left was typed by the client; the proxy saw 198.51.100.7 and appended it last.
        assertThat(OURS.clientOf("10.0.0.2", List.of("10.0.0.5, 198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void withoutAHeaderOrWithOnlyOurAddressesThePeerOrTheFirstHopAnswers() {
        assertThat(OURS.clientOf("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
        assertThat(OURS.clientOf("10.0.0.2", List.of("10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    @Test
    void aBrokenEntryStopsAtTheLastAddressWeCanVouchFor() {
        assertThat(OURS.clientOf("10.0.0.2", List.of("unknown"))).isEqualTo("10.0.0.2");
        assertThat(OURS.clientOf("10.0.0.2", List.of("198.51.100.7, evil.example, 10.3.3.3"))).isEqualTo("10.3.3.3");
        assertThat(OURS.clientOf("10.0.0.2", List.of("999.1.1.1"))).isEqualTo("10.0.0.2");
    }

    @Test
    void ipv6AndPortsAreUnderstood() {
        assertThat(OURS.clientOf("fd00::1", List.of("2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(OURS.clientOf("10.0.0.2", List.of("[2001:db8::5]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(OURS.clientOf("10.0.0.2", List.of("198.51.100.7:4711"))).isEqualTo("198.51.100.7");
        assertThat(OURS.clientOf("fe80::1", List.of("2001:db8::5"))).as("fe80::/10 is not fd00::/8")
                .isEqualTo("fe80::1");
    }

    @Test
    void prefixesMatchOnTheirBitsOnly() {
        TrustedProxies slash20 = TrustedProxies.parse("172.16.0.0/20");
        assertThat(slash20.clientOf("172.16.15.255", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(slash20.clientOf("172.16.16.0", List.of("198.51.100.7"))).isEqualTo("172.16.16.0");
    }

    @Test
    void aBadEntryIsRefusedAtStartNamingIt() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'proxy.internal'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix length");
    }
}
