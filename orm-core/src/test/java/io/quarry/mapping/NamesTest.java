package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The default naming rules and the "did you mean" hint of error messages. */
class NamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "HostGroup, host_group",
            "ipAddr, ip_addr",
            "HTTPServer, http_server",
            "Host, host",
            "port, port",
            "ip4Addr, ip4_addr",
            "userID, user_id",
            "HostIPAddress, host_ip_address",
            "already_snake, already_snake",
    })
    void snakeCaseSplitsWordsAndAcronyms(String javaName, String expected) {
        assertThat(Names.snakeCase(javaName)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "getPort, port",
            "isActive, active",
            "port, port",
            "getURL, URL",
            "get, get",
            "island, island",
    })
    void propertyOfAccessorStripsBeanPrefixes(String method, String expected) {
        assertThat(Names.propertyOfAccessor(method)).isEqualTo(expected);
    }

    @Test
    void didYouMeanNamesTheClosestCandidate() {
        assertThat(Names.didYouMean("hostnme", List.of("id", "hostname", "port")))
                .isEqualTo("; did you mean 'hostname'?");
    }

    @Test
    void didYouMeanIgnoresCase() {
        assertThat(Names.didYouMean("IPADDR", List.of("id", "ipAddr"))).isEqualTo("; did you mean 'ipAddr'?");
    }

    @Test
    void didYouMeanListsTheCandidatesWhenNoneIsClose() {
        assertThat(Names.didYouMean("colour", List.of("id", "hostname", "port")))
                .isEqualTo("; known properties: id, hostname, port");
    }

    @Test
    void leavesBarePrefixesAndSingleLettersAlone() {
        assertThat(Names.propertyOfAccessor("get")).isEqualTo("get");
        assertThat(Names.propertyOfAccessor("is")).isEqualTo("is");
        assertThat(Names.propertyOfAccessor("getX")).isEqualTo("x");
        assertThat(Names.propertyOfAccessor("isY")).isEqualTo("y");
    }

    @Test
    void didYouMeanPrefersTheFirstOfEquallyCloseCandidates() {
        assertThat(Names.didYouMean("port", List.of("part", "pert"))).isEqualTo("; did you mean 'part'?");
    }

    @Test
    void didYouMeanCountsEveryEditAgainstAShortName() {
        assertThat(Names.didYouMean("q", List.of("hostname"))).isEqualTo("; known properties: hostname");
        assertThat(Names.didYouMean("ab", List.of("abcd"))).isEqualTo("; did you mean 'abcd'?");
        assertThat(Names.didYouMean("ab", List.of("abcde"))).isEqualTo("; known properties: abcde");
    }
}
