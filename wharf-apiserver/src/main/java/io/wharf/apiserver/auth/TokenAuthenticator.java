package io.wharf.apiserver.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static bearer tokens, read from a file in upstream's {@code --token-auth-file} format: one
 * {@code token,user,uid,"group1,group2"} line per token (groups optional). Tokens are compared
 * in constant time.
 */
public final class TokenAuthenticator {
    private final Map<String, UserInfo> tokens = new ConcurrentHashMap<>();

    public static TokenAuthenticator fromFile(Path file) throws IOException {
        TokenAuthenticator a = new TokenAuthenticator();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<String> cols = csv(l);
            if (cols.size() < 3) {
                throw new IOException(file + " line " + lineNo + ": expected token,user,uid[,\"groups\"]");
            }
            List<String> groups = new ArrayList<>();
            if (cols.size() > 3 && !cols.get(3).isEmpty()) {
                groups.addAll(Arrays.asList(cols.get(3).split(",")));
            }
            a.add(cols.get(0), new UserInfo(cols.get(1), cols.get(2), groups));
        }
        return a;
    }

    public void add(String token, UserInfo user) {
        List<String> groups = new ArrayList<>(user.groups());
        if (!groups.contains(UserInfo.AUTHENTICATED)) {
            groups.add(UserInfo.AUTHENTICATED);
        }
        tokens.put(token, new UserInfo(user.name(), user.uid(), List.copyOf(groups)));
    }

    public Optional<UserInfo> authenticate(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        UserInfo found = null;
        for (Map.Entry<String, UserInfo> e : tokens.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8), given)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }
}
