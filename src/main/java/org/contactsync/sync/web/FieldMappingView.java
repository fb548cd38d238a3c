package org.contactsync.sync.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.contactsync.contact.SyncedField;

/** The sync's field mapping as the Contact Sync Setup page shows it, straight from the one table in code. */
@Named
@ApplicationScoped
public class FieldMappingView {

    /**
     * One mapped field: its caption key in the contact bundle ({@code contactMsg}), BC length and Graph path. A class
     * with getters, not a record: Expression Language 5 (Jakarta EE 10) reads only bean properties.
     */
    public static final class Row {
        private final String captionKey;
        private final int length;
        private final String graphPath;

        Row(String captionKey, int length, String graphPath) {
            this.captionKey = captionKey;
            this.length = length;
            this.graphPath = graphPath;
        }

        public String getCaptionKey() {
            return captionKey;
        }

        public int getLength() {
            return length;
        }

        public String getGraphPath() {
            return graphPath;
        }
    }

    private static final List<Row> ROWS = Arrays.stream(SyncedField.values())
            .map(field -> new Row(field.contactField().captionKey(), field.bcLength(), field.graphPath()))
            .toList();

    public List<Row> getRows() {
        return ROWS;
    }
}
