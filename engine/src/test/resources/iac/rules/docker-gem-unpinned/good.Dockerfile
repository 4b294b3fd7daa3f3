FROM ruby:3.3
RUN gem install bundler:2.5.10
RUN gem install rake -v 13.2.1
USER app
