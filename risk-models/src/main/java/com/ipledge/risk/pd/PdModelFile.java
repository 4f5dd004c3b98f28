package com.ipledge.risk.pd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * The model file: a small header, the fitted {@link FeatureEncoder}, and the Tribuo models in Tribuo's own
 * protobuf form (which keeps their provenance). The logistic regression is always present because its
 * coefficients give the reason codes; the forest only when it was selected.
 */
final class PdModelFile {
    private static final String MAGIC = "ipledge-pd-model";
    private static final int FORMAT = 1;

    record Contents(String name, String selected, FeatureEncoder encoder, Model<Label> logistic, Model<Label> forest) {
    }

    private PdModelFile() {
    }

    static byte[] write(String name, String selected, FeatureEncoder encoder, Model<Label> logistic,
                        Model<Label> forest) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(name);
            out.writeUTF(selected);
            encoder.write(out);
            writeBlock(out, logistic.serialize().toByteArray());
            writeBlock(out, forest == null ? new byte[0] : forest.serialize().toByteArray());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Contents read(byte[] file) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
            throw new IOException("not an ipledge PD model file (format " + FORMAT + ")");
        }
        String name = in.readUTF();
        String selected = in.readUTF();
        FeatureEncoder encoder = FeatureEncoder.read(in);
        Model<Label> logistic = (Model<Label>) Model.deserialize(ModelProto.parseFrom(readBlock(in)));
        byte[] forestBytes = readBlock(in);
        Model<Label> forest = forestBytes.length == 0 ? null
                : (Model<Label>) Model.deserialize(ModelProto.parseFrom(forestBytes));
        return new Contents(name, selected, encoder, logistic, forest);
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        byte[] block = new byte[in.readInt()];
        in.readFully(block);
        return block;
    }
}
