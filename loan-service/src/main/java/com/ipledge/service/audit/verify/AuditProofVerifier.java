package com.ipledge.service.audit.verify;

import com.ipledge.service.audit.merkle.MerkleTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the audit log's answers offline: no database, no service, only the JDK and this module's classes.
 *
 * <pre>
 * java -cp loan-service/target/classes com.ipledge.service.audit.verify.AuditProofVerifier \
 *     --public-key public-key.json --tree-head tree-head.json --proof proof.json [--old-tree-head old.json]
 * </pre>
 *
 * {@code --public-key} is the JSON of {@code GET /api/v1/audit/public-key} (or the base64 raw key itself);
 * {@code --tree-head} the JSON of {@code GET /api/v1/audit/tree-head}; {@code --proof} either an inclusion proof
 * ({@code GET /api/v1/audit/entries/{seq}/proof}: checked against the head's root, and when it carries the
 * {@code leaf}, the leaf hash is recomputed from it) or a consistency proof ({@code GET /api/v1/audit/consistency}:
 * needs {@code --old-tree-head}, the signed head of size {@code from}; the head of size {@code to} is
 * {@code --tree-head}). Any file may be {@code -} for stdin. Exits 0 with "OK: ..." when every signature and proof
 * holds, 1 with "FAILED: ..." otherwise.
 */
public final class AuditProofVerifier {
    private static final HexFormat HEX = HexFormat.of();

    private AuditProofVerifier() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        System.exit(code);
    }

    /** The CLI without {@code System.exit}: 0 when verified, 1 otherwise. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            String message = verify(read(options, "--public-key", stdin, true), read(options, "--tree-head", stdin,
                    false), read(options, "--proof", stdin, false), options.containsKey("--old-tree-head")
                    ? read(options, "--old-tree-head", stdin, false) : null);
            out.println("OK: " + message);
            return 0;
        } catch (Failure | IllegalArgumentException e) {
            err.println("FAILED: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("FAILED: cannot read input: " + e.getMessage());
            return 1;
        }
    }

    /** Verifies and describes what was proven; throws {@link Failure} naming what does not hold. */
    public static String verify(String publicKeyText, String treeHeadJson, String proofJson, String oldTreeHeadJson) {
        PublicKey key = publicKey(publicKeyText);
        SignedTreeHead head = head(Json.object(treeHeadJson, "tree head"));
        if (!head.signedBy(key)) {
            throw new Failure("the tree head's signature does not verify with this public key");
        }
        Map<String, Object> proof = Json.object(proofJson, "proof");
        if (proof.containsKey("leafIndex")) {
            long leafIndex = Json.number(proof, "leafIndex");
            long treeSize = Json.number(proof, "treeSize");
            if (treeSize != head.treeSize()) {
                throw new Failure("the proof is for a tree of size " + treeSize + ", the signed head is of size "
                        + head.treeSize());
            }
            byte[] leafHash = hash(Json.text(proof, "leafHash"), "leafHash");
            if (proof.get("leaf") instanceof String leaf
                    && !Arrays.equals(MerkleTree.leafHash(leaf.getBytes(StandardCharsets.UTF_8)), leafHash)) {
                throw new Failure("leafHash is not SHA-256(0x00 || leaf) of the entry it carries");
            }
            if (!MerkleTree.verifyInclusion(leafIndex, treeSize, leafHash, hashes(proof, "auditPath"), head.root())) {
                throw new Failure("the audit path does not lead from leaf " + leafIndex + " to the signed root");
            }
            return "leaf " + leafIndex + " (" + HEX.formatHex(leafHash) + ") is in the signed tree of size "
                    + treeSize + " with root " + head.rootHash();
        }
        if (proof.containsKey("from")) {
            long from = Json.number(proof, "from");
            long to = Json.number(proof, "to");
            if (oldTreeHeadJson == null) {
                throw new Failure("a consistency proof needs --old-tree-head (the signed head of size " + from + ")");
            }
            SignedTreeHead old = head(Json.object(oldTreeHeadJson, "old tree head"));
            if (!old.signedBy(key)) {
                throw new Failure("the old tree head's signature does not verify with this public key");
            }
            if (old.treeSize() != from || head.treeSize() != to) {
                throw new Failure("the proof is from " + from + " to " + to + ", the signed heads are of sizes "
                        + old.treeSize() + " and " + head.treeSize());
            }
            if (!MerkleTree.verifyConsistency(from, to, old.root(), head.root(), hashes(proof, "proof"))) {
                throw new Failure("the tree of size " + from + " is not shown to be a prefix of the tree of size "
                        + to);
            }
            return "the signed tree of size " + from + " (root " + old.rootHash() + ") is a prefix of the signed "
                    + "tree of size " + to + " (root " + head.rootHash() + ")";
        }
        throw new Failure("the proof is neither an inclusion proof (leafIndex) nor a consistency proof (from, to)");
    }

    private static PublicKey publicKey(String text) {
        String t = text.trim();
        String raw = t.startsWith("{") ? Json.text(Json.object(t, "public key"), "publicKey") : t;
        try {
            return SignedTreeHead.publicKeyFromRaw(Base64.getDecoder().decode(raw));
        } catch (IllegalArgumentException e) {
            throw new Failure("not an Ed25519 public key: " + e.getMessage());
        }
    }

    private static SignedTreeHead head(Map<String, Object> json) {
        String root = Json.text(json, "rootHash");
        hash(root, "rootHash");
        return new SignedTreeHead(Json.number(json, "treeSize"), root, Json.text(json, "timestamp"),
                Json.text(json, "signature"));
    }

    private static List<byte[]> hashes(Map<String, Object> json, String field) {
        if (!(json.get(field) instanceof List<?> list)) {
            throw new Failure(field + " must be an array of hex hashes");
        }
        List<byte[]> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new Failure(field + " must be an array of hex hashes");
            }
            out.add(hash(s, field));
        }
        return out;
    }

    private static byte[] hash(String hex, String field) {
        try {
            byte[] h = HEX.parseHex(hex);
            if (h.length != MerkleTree.HASH_BYTES) {
                throw new Failure(field + " is not a 32-byte hash");
            }
            return h;
        } catch (IllegalArgumentException e) {
            throw new Failure(field + " is not hex");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!List.of("--public-key", "--tree-head", "--proof", "--old-tree-head").contains(a)
                    || i + 1 == args.length) {
                throw new Failure("usage: AuditProofVerifier --public-key FILE|BASE64 --tree-head FILE "
                        + "--proof FILE [--old-tree-head FILE]   (FILE may be - for stdin)");
            }
            options.put(a, args[++i]);
        }
        for (String required : List.of("--public-key", "--tree-head", "--proof")) {
            if (!options.containsKey(required)) {
                throw new Failure(required + " is required");
            }
        }
        if (options.values().stream().filter("-"::equals).count() > 1) {
            throw new Failure("only one input can come from stdin");
        }
        return options;
    }

    private static String read(Map<String, String> options, String option, InputStream stdin, boolean mayBeLiteral)
            throws IOException {
        String value = options.get(option);
        if ("-".equals(value)) {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path path = Path.of(value);
        if (Files.isRegularFile(path)) {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        if (mayBeLiteral) {
            return value;
        }
        throw new Failure(option + ": no such file " + value);
    }

    /** What does not verify. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** Just enough JSON for the service's answers (objects, arrays, strings, numbers, true/false/null). */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Map<String, Object> object(String text, String what) {
            Object v;
            try {
                Json p = new Json(text);
                v = p.value();
                p.ws();
                if (p.i != p.s.length()) {
                    throw p.error("trailing characters");
                }
            } catch (IndexOutOfBoundsException e) {
                throw new Failure(what + " is not JSON: it ends too early");
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw new Failure(what + " is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return map;
        }

        static long number(Map<String, Object> json, String field) {
            if (!(json.get(field) instanceof BigDecimal n)) {
                throw new Failure(field + " must be a number");
            }
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new Failure(field + " must be a whole number");
            }
        }

        static String text(Map<String, Object> json, String field) {
            if (!(json.get(field) instanceof String t)) {
                throw new Failure(field + " must be a string");
            }
            return t;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        if (s.charAt(i) != '"') {
                            throw error("a field name");
                        }
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String word : List.of("true", "false", "null")) {
                        if (s.startsWith(word, i)) {
                            i += word.length();
                            return word.equals("null") ? null : Boolean.valueOf(word);
                        }
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    try {
                        return new BigDecimal(s.substring(start, i));
                    } catch (NumberFormatException e) {
                        throw error("a value");
                    }
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("an escape");
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw error("'" + c + "'");
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Failure error(String expected) {
            return new Failure("not JSON: expected " + expected + " at character " + i);
        }
    }
}
