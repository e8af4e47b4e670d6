"""The sidebar filters every page shares, kept in the URL's query string."""
