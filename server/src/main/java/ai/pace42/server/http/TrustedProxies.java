package ai.pace42.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which peer addresses are our own reverse proxies ({@code trustedProxies}: CIDRs, comma-separated), and so which
 * address a request really comes from. Only a trusted peer's {@code X-Forwarded-For} is read, right to left:
 * entries our proxies appended are skipped, and the first address they did not vouch for is the client. Everything
 * further left was written by the client and is ignored, so a spoofed header buys nothing. With no proxies
 * configured (the default) the header is never read and the peer address is the client.
 *
 * <p>Addresses are parsed as literals only, never looked up in DNS.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");

    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Trusts no proxy: the peer address is always the client. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Parses {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; a bare address is a block of one.
     *
     * @throws IllegalArgumentException naming the entry that is not a CIDR block
     */
    public static TrustedProxies parse(String cidrs) {
        List<Block> blocks = new ArrayList<>();
        if (cidrs == null || cidrs.isBlank()) {
            return none();
        }
        for (String raw : cidrs.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            byte[] address = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "trustedProxies: '" + entry + "' is not an IP address or CIDR block"));
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("trustedProxies: '" + entry + "' has a bad prefix length");
                }
            }
            blocks.add(new Block(address, prefix));
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The client address of a request from {@code peer} carrying these {@code X-Forwarded-For} header values (in
     * the order received; several headers count as one list).
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (blocks.isEmpty() || !trusted(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String nearestTrusted = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<byte[]> hop = literal(unwrap(hops.get(i)));
            if (hop.isEmpty()) {
                return nearestTrusted; // a broken chain: the last address we can vouch for answers for it
            }
            String address = canonical(hop.get());
            if (!contains(hop.get())) {
                return address;
            }
            nearestTrusted = address;
        }
        return nearestTrusted; // every hop is one of ours: the request started inside
    }

    private boolean trusted(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    private boolean contains(byte[] address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    private static String unwrap(String hop) {
        Matcher bracketed = BRACKETED_IPV6.matcher(hop);
        if (bracketed.matches()) {
            return bracketed.group(1);
        }
        Matcher withPort = IPV4_WITH_PORT.matcher(hop);
        return withPort.matches() ? withPort.group(1) : hop;
    }

    /** The bytes of an IPv4 or IPv6 literal; never a DNS lookup (only strings already shaped as literals parse). */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(text).matches() || text.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            // In brackets InetAddress expects an IPv6 literal: it parses it or refuses it, and never asks DNS.
            return Optional.of(InetAddress.getByName("[" + text + "]").getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static String canonical(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes", e);
        }
    }
}
