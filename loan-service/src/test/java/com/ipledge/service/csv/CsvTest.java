package com.ipledge.service.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service's CSV on Commons CSV: start lines, line ends, blank lines, round trips, formula escaping, BOM. */
class CsvTest {
    @Test
    void aQuotedFieldOverSeveralLinesKeepsTheLineItStartsOn() throws Exception {
        for (String eol : List.of("\n", "\r\n", "\r")) {
            String text = String.join(eol, "h1,h2", "a,b", "", "c,\"d", "e", "f\"", "   ", "g,\"x,\"\"y\"\"\"", "");
            List<Csv.Row> rows = Csv.read(text);
            assertEquals(List.of(1, 2, 4, 8), rows.stream().map(Csv.Row::line).toList(), eol.replace("\r", "CR"));
            assertEquals(List.of("c", "d" + eol + "e" + eol + "f"), rows.get(2).values());
            assertEquals(List.of("g", "x,\"y\""), rows.get(3).values());
        }
        // no line end after the last record; blank lines at the start still count
        List<Csv.Row> rows = Csv.read("\r\n\r\nh\r\n\"1\n2\",3\r\nlast");
        assertEquals(List.of(3, 4, 6), rows.stream().map(Csv.Row::line).toList());
        assertEquals(List.of("last"), rows.get(2).values());
    }

    @Test
    void aLeadingBomIsDroppedAndBlankTextHasNoRecords() throws Exception {
        assertEquals(List.of(new Csv.Row(1, List.of("h", "中文"))), Csv.read("\uFEFFh,中文\r\n"));
        assertEquals(List.of(), Csv.read(""));
        assertEquals(List.of(), Csv.read("\uFEFF\r\n \n\t\n"));
        // a quoted blank value is a record, not a blank line
        assertEquals(List.of(new Csv.Row(2, List.of(" \n ")), new Csv.Row(4, List.of(""))),
                Csv.read(" \n\" \n \"\n\"\"\n"));
    }

    @Test
    void aBrokenFileNamesTheLineTheBrokenRecordStartsOn() {
        Csv.Malformed open = assertThrows(Csv.Malformed.class, () -> Csv.read("h\n\na,\"never closed\nb,c\n"));
        assertEquals(3, open.line());
        assertEquals("a quoted field is not closed", open.getMessage());
        Csv.Malformed after = assertThrows(Csv.Malformed.class, () -> Csv.read("h\r\nx,\"a\"b,c\r\n"));
        assertEquals(2, after.line());
    }

    @Test
    void aLineReadsBackToTheSameValues() {
        List<String> values = List.of("", "plain", "a,b", "say \"hi\"", "two\r\nlines", " padded ", "=1+1", "-5", "#",
                "设备,扩产");
        String line = Csv.line(values);
        assertTrue(line.startsWith("\"\",plain,\"a,b\",\"say \"\"hi\"\"\""), line);
        assertTrue(line.contains(",=1+1,-5,"), "no formula escaping in a stored line: " + line);
        assertEquals(Optional.of(values), Csv.values(line));
        assertEquals(Optional.of(List.of("x")), Csv.values("x"));
        assertEquals(Optional.empty(), Csv.values("\"open"));
        assertEquals(Optional.empty(), Csv.values("a\nb"), "two records are not one line");
    }

    @Test
    void theWriterEndsLinesWithCrLfQuotesAsNeededAndEscapesFormulas() {
        List<Object> row = Arrays.asList("=SUM(A1)", "+1", "-x", "@cmd", "\tx", "\rx", "a=b", "it's", null,
                -5, new BigDecimal("-1E+3"), 0.5, "a,b", "q\"q", "中文");
        String safe = Csv.Writer.formulaSafe().row(List.of("h1", "h2")).row(row).text();
        assertEquals("h1,h2\r\n'=SUM(A1),'+1,'-x,'@cmd,'\tx,\"'\rx\",a=b,it's,,-5,-1000,0.5,\"a,b\",\"q\"\"q\",中文\r\n",
                safe);
    }

    @Test
    void utf8WithBomPutsTheByteOrderMarkFirst() {
        byte[] bytes = Csv.Writer.formulaSafe().row(List.of("兰州", 1)).utf8WithBom();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals("兰州,1\r\n", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertArrayEquals(Csv.BOM, Arrays.copyOf(Csv.utf8WithBom(""), 3));
        assertEquals(3, Csv.utf8WithBom("").length);
    }
}
