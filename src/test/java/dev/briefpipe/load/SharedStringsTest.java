package dev.briefpipe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class SharedStringsTest {
    private static SharedStrings read(String xml) throws Exception {
        XMLStreamReader x =
                new com.fasterxml.aalto.stax.InputFactoryImpl().createXMLStreamReader(new StringReader(xml));
        return SharedStrings.read(x, -1);
    }

    @Test
    void runsAreJoinedPhoneticReadingsLeftOutEscapesDecoded() throws Exception {
        SharedStrings s = read("<sst><si><t>중국</t></si>"
                + "<si><r><rPr><b/></rPr><t>平</t></r><r><t>头哥</t></r><rPh sb=\"0\" eb=\"1\"><t>ping</t></rPh></si>"
                + "<si><t>a_x000D_b</t></si><si/></sst>");
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.get(0)).isEqualTo("중국");
        assertThat(s.get(1)).isEqualTo("平头哥");
        assertThat(s.get(2)).isEqualTo("a\rb");
        assertThat(s.get(3)).isEmpty();
    }

    @Test
    void manyStringsGrowTheTablePastAnyCountTheFileClaims() throws Exception {
        StringBuilder b = new StringBuilder("<sst uniqueCount=\"3\">");
        for (int i = 0; i < 50_000; i++) {
            b.append("<si><t>s").append(i).append("</t></si>");
        }
        SharedStrings s = read(b.append("</sst>").toString());
        assertThat(s.size()).isEqualTo(50_000);
        assertThat(s.get(49_999)).isEqualTo("s49999");
    }
}
