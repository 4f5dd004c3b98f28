package com.ipledge.service.demo;

import com.ipledge.service.intake.IntakeService;
import com.ipledge.service.pages.WebFormCaller;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The demo intake's upload (issue 20): a one-page PDF standing for the firm's business licence, so the officer's
 * {@code GET /api/v1/intakes/{id}} lists a document and its download works.
 */
final class DemoIntakeDocuments {
    private DemoIntakeDocuments() {
    }

    static void attach(IntakeService intakes, UUID bankId, UUID intakeId) {
        intakes.addDocument(WebFormCaller.forBank(bankId), intakeId, "BUSINESS_LICENCE", "营业执照（演示）.pdf",
                licence());
    }

    /** A minimal well-formed PDF: one page that says what it stands for. */
    private static byte[] licence() {
        String stream = "BT /F1 14 Tf 72 720 Td (Demo business licence - not a real document) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
