"""The outbox as the worker sees it: the view, its dialogs, the controller, drafts."""
