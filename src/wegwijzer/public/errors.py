from django.http import JsonResponse
from django.shortcuts import render


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        english = request.GET.get("lang") == "en"
        return JsonResponse({"error": "not found" if english else "niet gevonden"}, status=404)
    return render(request, "public/404.html", {"region": None}, status=404)


def server_error(request):
    return render(request, "public/500.html", {"region": None}, status=500)
