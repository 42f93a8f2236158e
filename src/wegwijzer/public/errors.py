from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "public/404.html", {"region": None}, status=404)


def server_error(request):
    return render(request, "public/500.html", {"region": None}, status=500)
