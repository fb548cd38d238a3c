package org.contactsync.contact.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactFilter;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactSort;
import org.contactsync.platform.ApplicationException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Contact List's rows, one page at a time from the database: PrimeFaces passes the page, the sort column and
 * the column filters; the search box's text comes from the view.
 */
public class ContactLazyModel extends LazyDataModel<Contact> {

    private static final long serialVersionUID = 1L;

    private final ContactService contacts;
    private final SerializableSupplier<ContactFilter> baseFilter;

    /** The filter the view contributes (the search box), read at every load. */
    public interface SerializableSupplier<T> extends Supplier<T>, java.io.Serializable {
    }

    public ContactLazyModel(ContactService contacts, SerializableSupplier<ContactFilter> baseFilter) {
        this.contacts = contacts;
        this.baseFilter = baseFilter;
    }

    /** No rows while a column filter is not valid: the view names the problem ({@code ContactListView}). */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) contacts.count(filter(filterBy));
        } catch (ApplicationException invalidFilter) {
            return 0;
        }
    }

    @Override
    public List<Contact> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            return contacts.list(filter(filterBy), sort(sortBy), first, pageSize);
        } catch (ApplicationException invalidFilter) {
            return List.of();
        }
    }

    @Override
    public String getRowKey(Contact contact) {
        return contact.getNo();
    }

    @Override
    public Contact getRowData(String rowKey) {
        return getWrappedData().stream()
                .filter(contact -> contact.getNo().equals(rowKey))
                .findFirst()
                .or(() -> contacts.find(rowKey))
                .orElseThrow();
    }

    /** The search box's filter with the table's column filters (texts as typed; not yet checked). */
    ContactFilter filter(Map<String, FilterMeta> filterBy) {
        var filter = baseFilter.get();
        for (var meta : filterBy.values()) {
            if (meta.getFilterValue() != null && !meta.getFilterValue().toString().isBlank()) {
                filter = filter.withColumn(meta.getField(), meta.getFilterValue().toString());
            }
        }
        return filter;
    }

    private static ContactSort sort(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream()
                .filter(meta -> meta.getOrder() != SortOrder.UNSORTED)
                .findFirst()
                .flatMap(meta -> ContactSort.of(meta.getField(), meta.getOrder() == SortOrder.ASCENDING))
                .orElse(ContactSort.DEFAULT);
    }
}
