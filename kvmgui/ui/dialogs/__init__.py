"""Small dialogs of our own (confirmations, results, connections, authentication): tests drive
them through their widgets, so none of them is a static QMessageBox call."""
